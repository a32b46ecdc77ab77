{{/*
PodDisruptionBudget: a voluntary eviction leaves at least one replica of a component serving.
*/}}
{{- define "numi.pdb" -}}
{{- if .Values.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "numi.fullname" . }}
  labels:
    {{- include "numi.labels" . | nindent 4 }}
spec:
  {{- if .Values.pdb.minAvailable }}
  minAvailable: {{ .Values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .Values.pdb.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "numi.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{/*
NetworkPolicy for one component: ingress only as its values say. Each rule names a port of
.Values.ports and who may connect: public (anyone, the internet included; only the gateway, the DNS
seed and p2p), other components of the release (from: [gateway, ...]) or CIDRs. The management port is
open to the monitoring namespace only. The region chart adds a default deny for everything else.
*/}}
{{- define "numi.networkPolicy" -}}
{{- if .Values.global.networkPolicy.enabled }}
{{- $root := . }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "numi.fullname" . }}
  labels:
    {{- include "numi.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "numi.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - port: {{ .Values.ports.management }}
          protocol: TCP
      from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.global.monitoring.namespace | quote }}
          {{- with .Values.global.monitoring.prometheusPodLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
    {{- range .Values.networkPolicy.ingress }}
    {{- $port := required (printf "%s: networkPolicy port %s is not in .Values.ports" $root.Chart.Name .port) (index $root.Values.ports .port) }}
    - ports:
        {{- range (.protocols | default (list "TCP")) }}
        - port: {{ $port }}
          protocol: {{ . }}
        {{- end }}
      {{- if not .public }}
      from:
        {{- range .from }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
              app.kubernetes.io/instance: {{ $root.Release.Name }}
        {{- end }}
        {{- range .cidrs }}
        - ipBlock:
            cidr: {{ . }}
        {{- end }}
        {{- if not (or .from .cidrs) }}
        {{- fail (printf "%s: networkPolicy rule for port %s needs public, from or cidrs" $root.Chart.Name .port) }}
        {{- end }}
      {{- end }}
    {{- end }}
{{- end }}
{{- end -}}

{{/*
ServiceMonitor (Prometheus Operator) scraping /actuator/prometheus on the management port: rendered
when the cluster has the CRD, or when global.monitoring.assumeCrds says it will (helm template into
GitOps, where no cluster is asked).
*/}}
{{- define "numi.hasMonitoringCrds" -}}
{{- if or .Values.global.monitoring.assumeCrds (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor") -}}
true
{{- end -}}
{{- end -}}

{{- define "numi.serviceMonitor" -}}
{{- if and .Values.global.monitoring.serviceMonitor.enabled (include "numi.hasMonitoringCrds" .) }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "numi.fullname" . }}
  labels:
    {{- include "numi.labels" . | nindent 4 }}
    {{- with .Values.global.monitoring.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "numi.selectorLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  endpoints:
    - port: management
      path: /actuator/prometheus
      interval: {{ .Values.global.monitoring.serviceMonitor.interval }}
      relabelings:
        - targetLabel: region
          replacement: {{ .Values.global.region | quote }}
        - sourceLabels: [__meta_kubernetes_pod_name]
          targetLabel: pod
{{- end }}
{{- end -}}
