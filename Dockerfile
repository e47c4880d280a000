# syntax=docker/dockerfile:1
# Multi-stage build of the production jar. The committed production bundle (src/main/bundles) lets the
# build skip npm unless frontend/ changed.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DskipFrontend
COPY frontend frontend
COPY db db
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/order-tracing-portal-*[0-9T].jar /portal.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system portal && useradd --system --gid portal --home /app portal
WORKDIR /app
COPY --from=build /portal.jar /app/portal.jar
USER portal
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
