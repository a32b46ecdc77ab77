{{- define "miner.env" -}}
- name: NUMI_MINER_PAYOUT_ADDRESS
  value: {{ required "miner: payoutAddress is required" .Values.payoutAddress | quote }}
- name: NUMI_MINER_THREADS
  value: {{ .Values.threads | quote }}
- name: NUMI_UPSTREAM_NODE
  value: {{ printf "http://%s-source:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
- name: NUMI_UPSTREAM_MEMPOOL
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "mempool")) .Values.global.ports.mempool | quote }}
- name: NUMI_UPSTREAM_MININGTOKENFILE
  value: /etc/numi/mining-token/token
{{ include "numi.kafkaEnv" . }}
{{- end -}}
{{- define "miner.volumeMounts" -}}
- name: mining-token
  mountPath: /etc/numi/mining-token
  readOnly: true
{{- end -}}
{{- define "miner.volumes" -}}
- name: mining-token
  secret:
    secretName: {{ required "miner: miningTokenSecret is required" .Values.miningTokenSecret }}
    defaultMode: 0400
    items:
      - key: token
        path: token
{{- end -}}
