module ordertracing/stack/jaeger

go 1.24.6
