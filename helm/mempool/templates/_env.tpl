{{- define "mempool.env" -}}
- name: NUMI_NODE_BASE_URL
  value: {{ printf "http://%s-source:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
{{ include "numi.datasourceEnv" (list . .Values.database.name) }}
{{ include "numi.kafkaEnv" . }}
{{- end -}}
{{- define "mempool.volumeMounts" -}}{{- end -}}
{{- define "mempool.volumes" -}}{{- end -}}
