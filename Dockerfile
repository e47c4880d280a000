# syntax=docker/dockerfile:1
# Multi-stage build of the two programs of this repository: the portal (the default, last stage) and
# the order flow (target "order-flow", used by docker-compose.yml). The committed production bundle
# (src/main/bundles) lets the build skip npm unless frontend/ changed.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The reactor (build/pom.xml, chosen by .mvn/maven.config) and both modules' poms first: the dependency
# layer is rebuilt only when a pom changes.
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY build/pom.xml build/
COPY order-flow/pom.xml order-flow/
RUN ./mvnw -B -q dependency:go-offline -DskipFrontend
COPY order-flow/src order-flow/src
COPY frontend frontend
COPY db db
COPY src src
COPY bin/check-portal-jar bin/
RUN ./mvnw -B -q -DskipTests package \
    && cp target/order-tracing-portal-*[0-9T].jar /portal.jar \
    && bin/check-portal-jar /portal.jar

# The order flow: its jar and the jars its manifest names in lib/
FROM eclipse-temurin:25-jre AS order-flow
RUN groupadd --system flow && useradd --system --gid flow --home /app flow
WORKDIR /app
COPY --from=build /src/order-flow/target/order-flow.jar /app/order-flow.jar
COPY --from=build /src/order-flow/target/lib /app/lib
USER flow
ENTRYPOINT ["java", "-jar", "/app/order-flow.jar"]
CMD ["demo"]

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system portal && useradd --system --gid portal --home /app portal
WORKDIR /app
COPY --from=build /portal.jar /app/portal.jar
USER portal
# HTTPS on 8443 by default (mount the certificate, PORTAL_TLS_CERT / PORTAL_TLS_KEY); 8080 with the plain-http
# profile behind a proxy that ends TLS (docker-compose.yml)
EXPOSE 8443 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsSk https://localhost:8443/actuator/health/liveness || curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
