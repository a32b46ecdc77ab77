{{- define "gateway.env" -}}
# pending (issue 13): the backends
- name: NUMI_GATEWAY_NODE_URL
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
- name: NUMI_GATEWAY_MEMPOOL_URL
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "mempool")) .Values.global.ports.mempool | quote }}
- name: NUMI_GATEWAY_EXPLORER_URL
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "explorer")) .Values.global.ports.explorer | quote }}
{{- with .Values.trustedProxies }}
- name: NUMI_GATEWAY_TRUSTED_PROXIES
  value: {{ join "," . | quote }}
{{- end }}
- name: SPRING_DATA_REDIS_HOST
  value: {{ required "gateway: redis.host is required" .Values.redis.host | quote }}
- name: SPRING_DATA_REDIS_PORT
  value: {{ .Values.redis.port | quote }}
- name: SPRING_DATA_REDIS_SSL_ENABLED
  value: {{ .Values.redis.ssl | quote }}
- name: SPRING_DATA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "gateway: redis.credentialsSecret is required" .Values.redis.credentialsSecret }}
      key: password
{{ include "numi.datasourceEnv" (list . .Values.database.name) }}
{{- end -}}
{{- define "gateway.volumeMounts" -}}{{- end -}}
{{- define "gateway.volumes" -}}{{- end -}}
