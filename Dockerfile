# syntax=docker/dockerfile:1
#
# One Dockerfile for every NumiCoin service image. SERVICE names the Maven module:
#   docker build --build-arg SERVICE=node-service    -t numicoin/node-service:dev .
#   docker build --build-arg SERVICE=mempool-service -t numicoin/mempool-service:dev .
#   docker build --build-arg SERVICE=miner-service   -t numicoin/miner-service:dev .
#   docker build --build-arg SERVICE=pool-service    -t numicoin/pool-service:dev .
# docker-compose.yml builds all three (docs/docker.md). Needs BuildKit (the default builder since
# Docker 23): the Maven repository is a cache mount shared by the three builds.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# 1. Build the module and what it depends on with the Maven wrapper; keep its runnable jar.
FROM ${JDK_IMAGE} AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>, e.g. node-service" >&2; exit 1; }; \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /application.jar

# 2. Split the Spring Boot jar into its layers (dependencies change less often than the code).
FROM ${JRE_IMAGE} AS layers
WORKDIR /layers
COPY --from=build /application.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# 3. The runtime image: one layer per Spring Boot layer, least changing first; runs as user numi.
FROM ${JRE_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="numicoin-${SERVICE}"
RUN groupadd --system numi \
    && useradd --system --gid numi --home-dir /var/lib/numi --no-create-home --shell /usr/sbin/nologin numi \
    && mkdir -p /var/lib/numi \
    && chown numi:numi /var/lib/numi
WORKDIR /application
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The JRE image has neither curl nor wget: the healthcheck is a bash script (bash's /dev/tcp).
COPY --chmod=755 deploy/docker/numi-healthcheck /usr/local/bin/numi-healthcheck
USER numi
# Heap from the container's memory limit; Kafka's client and the miner's FFM Argon2 path need these
# flags on JDK 25 (as the modules' tests pass them).
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
# node: API 8082, management 9082, p2p 8333; mempool: 8083/9083; miner: 8084/9084 (management ports
# listen on 127.0.0.1 inside the container: for the healthcheck, not published).
EXPOSE 8082 8083 8084 8333
ENTRYPOINT ["java", "-jar", "application.jar"]
