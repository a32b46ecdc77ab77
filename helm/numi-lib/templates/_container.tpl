{{/*
Container-level settings every service shares.
The management port (Actuator health, Prometheus) listens on all of the pod's addresses here
(MANAGEMENT_SERVER_ADDRESS; the services' own default is 127.0.0.1): the kubelet's probes and
Prometheus reach it on the pod IP, and the NetworkPolicy lets only the monitoring namespace in.
*/}}

{{- define "numi.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: {{ .Values.probes.startupFailureThreshold | default 60 }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 6
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: management
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{- define "numi.resources" -}}
{{- $r := required (printf "%s: resources are required" .Chart.Name) .Values.resources -}}
{{- if not (and $r.requests $r.limits $r.limits.memory $r.limits.cpu $r.requests.memory $r.requests.cpu) -}}
{{- fail (printf "%s: resources need requests and limits for cpu and memory" .Chart.Name) -}}
{{- end -}}
{{ toYaml $r }}
{{- end -}}

{{/*
Environment every Spring Boot service takes: network (unless the chart sets networkSetting: false, as
the gateway, which knows no chain), ports, management address.
*/}}
{{- define "numi.baseEnv" -}}
{{- if ne (toString .Values.networkSetting) "false" }}
- name: NUMI_NETWORK
  value: {{ .Values.global.network | quote }}
{{- end }}
- name: SERVER_PORT
  value: {{ .Values.ports.http | quote }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ .Values.ports.management | quote }}
- name: MANAGEMENT_SERVER_ADDRESS
  value: "0.0.0.0"
{{- end -}}

{{/*
Kafka with authentication: SASL (SCRAM or PLAIN) over TLS by default, the user and password from a
Secret of the service's own. The JAAS line is put together by Kubernetes ($(VAR) expansion), so the
password never sits in the rendered manifest.
*/}}
{{- define "numi.kafkaEnv" -}}
{{- $k := .Values.global.kafka -}}
{{- $secret := required (printf "%s: kafka.credentialsSecret is required" .Chart.Name) .Values.kafka.credentialsSecret -}}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ $k.bootstrapServers | default (printf "%s-kafka:9092" .Release.Name) | quote }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: {{ $k.securityProtocol | quote }}
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ $k.saslMechanism | quote }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: username
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: password
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  {{- if hasPrefix "SCRAM-" $k.saslMechanism }}
  value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="$(KAFKA_SASL_USERNAME)" password="$(KAFKA_SASL_PASSWORD)";'
  {{- else if eq $k.saslMechanism "PLAIN" }}
  value: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="$(KAFKA_SASL_USERNAME)" password="$(KAFKA_SASL_PASSWORD)";'
  {{- else }}
  {{- fail (printf "global.kafka.saslMechanism %s: use SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN" $k.saslMechanism) }}
  {{- end }}
{{- if $k.tls.caSecret }}
- name: SPRING_KAFKA_SSL_TRUST_STORE_TYPE
  value: PEM
- name: SPRING_KAFKA_SSL_TRUST_STORE_LOCATION
  value: file:/etc/numi/kafka-ca/ca.crt
{{- end }}
{{- end -}}

{{- define "numi.kafkaVolumeMounts" -}}
{{- if .Values.global.kafka.tls.caSecret }}
- name: kafka-ca
  mountPath: /etc/numi/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "numi.kafkaVolumes" -}}
{{- if .Values.global.kafka.tls.caSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.global.kafka.tls.caSecret }}
    items:
      - key: ca.crt
        path: ca.crt
{{- end }}
{{- end -}}

{{/*
PostgreSQL: a database and a role of the service's own (never a superuser), user and password from a
Secret. Call with (list . "database-name").
*/}}
{{- define "numi.datasourceEnv" -}}
{{- $root := index . 0 -}}
{{- $database := index . 1 -}}
{{- $pg := $root.Values.global.postgresql -}}
{{- $secret := required (printf "%s: database.credentialsSecret is required" $root.Chart.Name) $root.Values.database.credentialsSecret -}}
- name: SPRING_DATASOURCE_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s?sslmode=%s" (include "numi.postgresHost" $root) $pg.port $database $pg.sslMode | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: username
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: password
{{- end -}}

{{/* The PostgreSQL host: the external one, or the small install's (helm/numi-postgres) when that is enabled. */}}
{{- define "numi.postgresHost" -}}
{{- if .Values.global.postgresql.host -}}
{{- .Values.global.postgresql.host -}}
{{- else -}}
{{- printf "%s-postgres" .Release.Name -}}
{{- end -}}
{{- end -}}

{{/* A writable /tmp (the root file system is read-only): Tomcat's and the JVM's scratch space. */}}
{{- define "numi.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "numi.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}
