{{/*
Pod-level settings every service shares: a non-root user with a numeric id (the images' "numi" user is a
name Kubernetes cannot check), no service-account token, spread over zones and hosts.
*/}}

{{- define "numi.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.global.securityContext.runAsUser }}
runAsGroup: {{ .Values.global.securityContext.runAsGroup }}
fsGroup: {{ .Values.global.securityContext.runAsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "numi.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.global.securityContext.runAsUser }}
runAsGroup: {{ .Values.global.securityContext.runAsGroup }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/*
Replicas of one component on different zones when the cluster has them (required across zones when
affinity.zones is "required"; preferred otherwise), and never two on one host.
*/}}
{{- define "numi.affinity" -}}
podAntiAffinity:
  {{- if eq (.Values.global.affinity.zones | default "preferred") "required" }}
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: topology.kubernetes.io/zone
      labelSelector:
        matchLabels:
          {{- include "numi.selectorLabels" . | nindent 10 }}
  {{- else }}
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "numi.selectorLabels" . | nindent 10 }}
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: topology.kubernetes.io/zone
        labelSelector:
          matchLabels:
            {{- include "numi.selectorLabels" . | nindent 12 }}
  {{- end }}
{{- end -}}

{{- define "numi.topologySpread" -}}
- maxSkew: 1
  topologyKey: topology.kubernetes.io/zone
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "numi.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/* The pod spec's common part: security, affinity, no API token, image pull secrets. */}}
{{- define "numi.podCommon" -}}
automountServiceAccountToken: false
enableServiceLinks: false
securityContext:
  {{- include "numi.podSecurityContext" . | nindent 2 }}
affinity:
  {{- include "numi.affinity" . | nindent 2 }}
topologySpreadConstraints:
  {{- include "numi.topologySpread" . | nindent 2 }}
{{- with .Values.global.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds | default 30 }}
{{- end -}}
