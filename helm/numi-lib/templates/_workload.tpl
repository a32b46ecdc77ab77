{{/*
The Deployment and Services of a stateless service (mempool, miner, explorer, seed, gateway, pool).
The chart supplies what is its own through named templates: "<chart>.env" (environment beyond the
shared one), and optionally "<chart>.volumeMounts" and "<chart>.volumes".
Ports come from .Values.ports (name: number), TCP unless .Values.portProtocols lists others
(dns: [UDP, TCP]); a UDP port's name gets "-udp".
*/}}

{{- define "numi.containerPorts" -}}
{{- range $name, $port := .Values.ports }}
{{- range (index ($.Values.portProtocols | default dict) $name | default (list "TCP")) }}
- name: {{ ternary $name (printf "%s-%s" $name (lower .)) (eq . "TCP") }}
  containerPort: {{ $port }}
  protocol: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "numi.deployment" -}}
{{- $chart := .Chart.Name -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "numi.fullname" . }}
  labels:
    {{- include "numi.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  revisionHistoryLimit: 5
  strategy:
    type: {{ .Values.strategy | default "RollingUpdate" }}
  selector:
    matchLabels:
      {{- include "numi.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "numi.labels" . | nindent 8 }}
    spec:
      {{- include "numi.podCommon" . | nindent 6 }}
      containers:
        - name: {{ $chart }}
          image: {{ include "numi.image" . }}
          imagePullPolicy: {{ .Values.global.image.pullPolicy }}
          ports:
            {{- include "numi.containerPorts" . | nindent 12 }}
          env:
            {{- include "numi.baseEnv" . | nindent 12 }}
            {{- include (printf "%s.env" $chart) . | nindent 12 }}
            {{- range $k, $v := .Values.extraEnv }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          {{- include "numi.probes" . | nindent 10 }}
          resources:
            {{- include "numi.resources" . | nindent 12 }}
          securityContext:
            {{- include "numi.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "numi.tmpVolumeMount" . | nindent 12 }}
            {{- if .Values.kafka }}
            {{- include "numi.kafkaVolumeMounts" . | nindent 12 }}
            {{- end }}
            {{- include (printf "%s.volumeMounts" $chart) . | nindent 12 }}
      volumes:
        {{- include "numi.tmpVolume" . | nindent 8 }}
        {{- if .Values.kafka }}
        {{- include "numi.kafkaVolumes" . | nindent 8 }}
        {{- end }}
        {{- include (printf "%s.volumes" $chart) . | nindent 8 }}
{{- end -}}

{{/* The in-cluster Service: every port of the container (management included, for the ServiceMonitor). */}}
{{- define "numi.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "numi.fullname" . }}
  labels:
    {{- include "numi.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "numi.selectorLabels" . | nindent 4 }}
  ports:
    {{- range $name, $port := .Values.ports }}
    {{- range (index ($.Values.portProtocols | default dict) $name | default (list "TCP")) }}
    {{- $portName := ternary $name (printf "%s-%s" $name (lower .)) (eq . "TCP") }}
    - name: {{ $portName }}
      port: {{ $port }}
      targetPort: {{ $portName }}
      protocol: {{ . }}
    {{- end }}
    {{- end }}
{{- end -}}

{{/*
The public Service of a component that faces the internet (gateway, DNS seed): a LoadBalancer with
only the ports .Values.publicService.ports lists ({name: <port of .Values.ports>, port: <public port>}).
*/}}
{{- define "numi.publicService" -}}
{{- if .Values.publicService.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "numi.fullname" . }}-public
  labels:
    {{- include "numi.labels" . | nindent 4 }}
  {{- with .Values.publicService.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .Values.publicService.type }}
  {{- if ne .Values.publicService.type "ClusterIP" }}
  externalTrafficPolicy: Local
  {{- end }}
  selector:
    {{- include "numi.selectorLabels" . | nindent 4 }}
  ports:
    {{- range .Values.publicService.ports }}
    {{- $target := .name }}
    {{- $public := .port }}
    {{- range (index ($.Values.portProtocols | default dict) $target | default (list "TCP")) }}
    {{- $portName := ternary $target (printf "%s-%s" $target (lower .)) (eq . "TCP") }}
    - name: {{ $portName }}
      port: {{ $public }}
      targetPort: {{ $portName }}
      protocol: {{ . }}
    {{- end }}
    {{- end }}
{{- end }}
{{- end -}}
