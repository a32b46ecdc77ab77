{{- define "pool.env" -}}
# pool-service's PoolProperties (numi.pool.*, numi.stratum.*, numi.upstream.*; docs/pool.md)
- name: NUMI_STRATUM_ADDRESS
  value: "0.0.0.0"
- name: NUMI_STRATUM_PORT
  value: {{ .Values.ports.stratum | quote }}
- name: NUMI_UPSTREAM_NODE
  value: {{ printf "http://%s-source:%v" (include "numi.peer" (list . "node")) .Values.global.ports.node | quote }}
- name: NUMI_UPSTREAM_MEMPOOL
  value: {{ printf "http://%s:%v" (include "numi.peer" (list . "mempool")) .Values.global.ports.mempool | quote }}
- name: NUMI_UPSTREAM_MININGTOKENFILE
  value: /etc/numi/mining-token/token
- name: NUMI_POOL_KEYSTORE
  value: /etc/numi/payout-key/keystore
- name: NUMI_POOL_PASSPHRASE_SOURCE
  value: file:/etc/numi/payout-key/passphrase
{{ include "numi.datasourceEnv" (list . .Values.database.name) }}
{{ include "numi.kafkaEnv" . }}
{{- end -}}
{{- define "pool.volumeMounts" -}}
- name: mining-token
  mountPath: /etc/numi/mining-token
  readOnly: true
- name: payout-key
  mountPath: /etc/numi/payout-key
  readOnly: true
{{- end -}}
{{- define "pool.volumes" -}}
- name: mining-token
  secret:
    secretName: {{ required "pool: miningTokenSecret is required" .Values.miningTokenSecret }}
    defaultMode: 0400
    items:
      - key: token
        path: token
- name: payout-key
  secret:
    secretName: {{ required "pool: payoutKeySecret is required" .Values.payoutKeySecret }}
    defaultMode: 0400
    items:
      - key: keystore
        path: keystore
      - key: passphrase
        path: passphrase
{{- end -}}
