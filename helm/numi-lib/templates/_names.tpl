{{/*
Names and labels. Every service chart is installed as a subchart of the region chart (helm/region), so
its objects are named <release>-<chart> (eu-node, eu-mempool, ...) and carry the region's labels.
*/}}

{{- define "numi.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The full name of another component of the same release: include "numi.peer" (list . "node") */}}
{{- define "numi.peer" -}}
{{- $root := index . 0 -}}
{{- printf "%s-%s" $root.Release.Name (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "numi.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "numi.labels" -}}
{{ include "numi.selectorLabels" . }}
app.kubernetes.io/part-of: numicoin
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ include "numi.imageTag" . | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
numicoin.io/region: {{ required "global.region is required" .Values.global.region | quote }}
numicoin.io/network: {{ required "global.network is required" .Values.global.network | quote }}
{{- end -}}

{{- define "numi.imageTag" -}}
{{- .Values.image.tag | default .Values.global.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{- define "numi.image" -}}
{{- $registry := .Values.global.image.registry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .Values.image.repository (include "numi.imageTag" .) -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (include "numi.imageTag" .) -}}
{{- end -}}
{{- end -}}
