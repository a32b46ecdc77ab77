{{- define "seed.env" -}}
# the zone (numi.seed.dns.*): its NS names (the parent zone's delegation names the same hosts, with glue
# at the public Service's address) and the SOA's mailbox; the server binds every pod address
- name: NUMI_SEED_DNS_ZONE
  value: {{ required "seed: zone is required" .Values.zone | quote }}
- name: NUMI_SEED_DNS_NAMESERVERS
  value: {{ join "," (.Values.nameServers | default (list (printf "ns.%s" .Values.zone))) | quote }}
- name: NUMI_SEED_DNS_HOSTMASTER
  value: {{ .Values.hostmaster | default (printf "hostmaster.%s" .Values.zone) | quote }}
- name: NUMI_SEED_DNS_LISTENHOST
  value: "0.0.0.0"
- name: NUMI_SEED_DNS_PORT
  value: {{ .Values.ports.dns | quote }}
- name: NUMI_SEED_DEFAULTPORT
  value: {{ .Values.defaultPort | quote }}
{{- with (.Values.crawlBootstrap | default .Values.global.bootstrap) }}
- name: NUMI_SEED_CRAWL_BOOTSTRAP
  value: {{ join "," . | quote }}
{{- end }}
{{ include "numi.datasourceEnv" (list . .Values.database.name) }}
{{ include "numi.kafkaEnv" . }}
{{- end -}}
{{- define "seed.volumeMounts" -}}{{- end -}}
{{- define "seed.volumes" -}}{{- end -}}
