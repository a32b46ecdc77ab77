# syntax=docker/dockerfile:1
#
# One Dockerfile for every NumiCoin service image. SERVICE names the Maven module:
#   docker build --build-arg SERVICE=node-service    -t numicoin/node-service:dev .
#   docker build --build-arg SERVICE=mempool-service -t numicoin/mempool-service:dev .
#   docker build --build-arg SERVICE=miner-service   -t numicoin/miner-service:dev .
#   docker build --build-arg SERVICE=pool-service    -t numicoin/pool-service:dev .
# docker-compose.yml builds every service this way (docs/docker.md). Needs BuildKit (the default
# builder since Docker 23; docker-compose v1 needs DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1):
# the Maven repository is a cache mount shared by the builds.
#
# The base images are build arguments, so a test can build on local stand-ins (ComposeStackIT).
# The default target builds the jar here with the Maven wrapper (from Maven Central). The target
# `prebuilt` takes instead the jar a reactor build already made, ${SERVICE}/target/${SERVICE}-*-exec.jar
# in the build context; the repository's .dockerignore leaves target/ out, so give it a context
# holding only the jar (ComposeStackIT does):
#   podman build --target prebuilt --build-arg SERVICE=node-service -f Dockerfile <context> ...

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# 1a. Build the module and what it depends on with the Maven wrapper; split its runnable jar into
#     Spring Boot's layers (dependencies change less often than the code).
FROM ${JDK_IMAGE} AS jar-maven
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>, e.g. node-service" >&2; exit 1; }; \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /application.jar
WORKDIR /layers
RUN java -Djarmode=tools -jar /application.jar extract --layers --destination extracted

# 1b. Or take the jar a reactor build made (target prebuilt), and split it the same way.
FROM ${JRE_IMAGE} AS jar-prebuilt
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /application.jar
WORKDIR /layers
RUN java -Djarmode=tools -jar /application.jar extract --layers --destination extracted

# 2. The runtime image without the application: runs as user numi.
FROM ${JRE_IMAGE} AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="numicoin-${SERVICE}"
RUN groupadd --system numi \
    && useradd --system --gid numi --home-dir /var/lib/numi --no-create-home --shell /usr/sbin/nologin numi \
    && mkdir -p /var/lib/numi \
    && chown numi:numi /var/lib/numi
WORKDIR /application
# The JRE image has neither curl nor wget: the healthcheck is a bash script (bash's /dev/tcp).
COPY --chmod=755 deploy/docker/numi-healthcheck /usr/local/bin/numi-healthcheck
USER numi
# Heap from the container's memory limit; Kafka's client and the FFM Argon2 path need these flags on
# JDK 25 (as the modules' tests pass them); jdk.incubator.vector lets Argon2id (proof of work) run its
# vector kernel, 1.4-1.7x the scalar one (docs/decisions.md).
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector"
# node: API 8082, management 9082, p2p 8333; mempool: 8083/9083; miner: 8084/9084 (management ports
# listen on 127.0.0.1 inside the container: for the healthcheck, not published).
EXPOSE 8082 8083 8084 8333
ENTRYPOINT ["java", "-jar", "application.jar"]

# 3a. --target prebuilt: the runtime with the reactor's jar, one layer per Spring Boot layer,
#     least changing first (the same four COPYs as 3b).
FROM runtime AS prebuilt
COPY --from=jar-prebuilt /layers/extracted/dependencies/ ./
COPY --from=jar-prebuilt /layers/extracted/spring-boot-loader/ ./
COPY --from=jar-prebuilt /layers/extracted/snapshot-dependencies/ ./
COPY --from=jar-prebuilt /layers/extracted/application/ ./

# 3b. The default: the runtime with the jar built by Maven in 1a.
FROM runtime
COPY --from=jar-maven /layers/extracted/dependencies/ ./
COPY --from=jar-maven /layers/extracted/spring-boot-loader/ ./
COPY --from=jar-maven /layers/extracted/snapshot-dependencies/ ./
COPY --from=jar-maven /layers/extracted/application/ ./
