{{- define "seed.env" -}}
# pending (issue 14): the zone and the DNS listen address
- name: NUMI_SEED_ZONE
  value: {{ required "seed: zone is required" .Values.zone | quote }}
- name: NUMI_SEED_DNS_LISTEN
  value: {{ printf "0.0.0.0:%v" .Values.ports.dns | quote }}
- name: NUMI_NODE_BASE_URL
  value: {{ printf "http://%s-source:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
{{ include "numi.datasourceEnv" (list . .Values.database.name) }}
{{ include "numi.kafkaEnv" . }}
{{- end -}}
{{- define "seed.volumeMounts" -}}{{- end -}}
{{- define "seed.volumes" -}}{{- end -}}
