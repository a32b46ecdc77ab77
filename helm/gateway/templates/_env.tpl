{{- define "gateway.env" -}}
# the backends (numi.gateway.backends.*.urls): the nodes' Service (the gateway's own health checks and
# tip-lag ejection then see one instance; list the node pods' addresses in extraEnv to have them per pod)
- name: NUMI_GATEWAY_BACKENDS_NODE_URLS
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
- name: NUMI_GATEWAY_BACKENDS_MEMPOOL_URLS
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "mempool")) .Values.global.ports.mempool | quote }}
- name: NUMI_GATEWAY_BACKENDS_EXPLORER_URLS
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "explorer")) .Values.global.ports.explorer | quote }}
{{- with .Values.trustedProxies }}
- name: NUMI_GATEWAY_TRUSTEDPROXIES
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
