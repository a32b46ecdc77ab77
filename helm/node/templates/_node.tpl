{{/*
One StatefulSet of nodes: (list . "source" 1 true) for the event source, (list . "peer" N false) for
the plain peers. Both share the headless Service, the selector labels (app.kubernetes.io/name: node),
anti-affinity and the PDB; numicoin.io/role tells them apart.
*/}}
{{- define "node.statefulSet" -}}
{{- $root := index . 0 -}}
{{- $role := index . 1 -}}
{{- $replicas := index . 2 -}}
{{- $publish := index . 3 -}}
{{- $name := ternary (printf "%s-source" (include "numi.fullname" $root)) (include "numi.fullname" $root) $publish -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ $name }}
  labels:
    {{- include "numi.labels" $root | nindent 4 }}
    numicoin.io/role: {{ $role }}
spec:
  serviceName: {{ include "numi.fullname" $root }}-hl
  replicas: {{ $replicas }}
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      {{- include "numi.selectorLabels" $root | nindent 6 }}
      numicoin.io/role: {{ $role }}
  template:
    metadata:
      labels:
        {{- include "numi.labels" $root | nindent 8 }}
        numicoin.io/role: {{ $role }}
    spec:
      {{- include "numi.podCommon" $root | nindent 6 }}
      {{- if $root.Values.identitySecret }}
      initContainers:
        # the pod's fixed libp2p identity from the Secret, copied once onto its volume (mode 0600)
        - name: identity
          image: {{ include "numi.image" $root }}
          imagePullPolicy: {{ $root.Values.global.image.pullPolicy }}
          command: ["bash", "-c"]
          args:
            - 'if [ -f "/etc/numi/identity/${POD_NAME}.key" ] && [ ! -f /var/lib/numi/node.key ]; then install -m 0600 "/etc/numi/identity/${POD_NAME}.key" /var/lib/numi/node.key; fi'
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          securityContext:
            {{- include "numi.containerSecurityContext" $root | nindent 12 }}
          resources:
            requests: {cpu: 10m, memory: 16Mi}
            limits: {cpu: 100m, memory: 64Mi}
          volumeMounts:
            - name: data
              mountPath: /var/lib/numi
            - name: identity
              mountPath: /etc/numi/identity
              readOnly: true
      {{- end }}
      containers:
        - name: node
          image: {{ include "numi.image" $root }}
          imagePullPolicy: {{ $root.Values.global.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $root.Values.ports.http }}
              protocol: TCP
            - name: management
              containerPort: {{ $root.Values.ports.management }}
              protocol: TCP
            - name: p2p
              containerPort: {{ $root.Values.ports.p2p }}
              protocol: TCP
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            {{- include "numi.baseEnv" $root | nindent 12 }}
            {{- include "numi.datasourceEnv" (list $root "$(POD_NAME)") | nindent 12 }}
            {{- include "numi.kafkaEnv" $root | nindent 12 }}
            - name: NUMI_EVENTS_PUBLISH
              value: {{ $publish | quote }}
            # the event source gossips what the region's mempool accepted (numi.mempool.v1)
            - name: NUMI_P2P_MEMPOOLRELAY_ENABLED
              value: {{ $publish | quote }}
            - name: NUMI_API_MEMPOOL_URL
              value: {{ printf "http://%s:%v" (include "numi.peer" (list $root "mempool")) $root.Values.global.ports.mempool | quote }}
            - name: NUMI_P2P_LISTEN
              value: {{ printf "/ip4/0.0.0.0/tcp/%v" $root.Values.ports.p2p | quote }}
            - name: NUMI_P2P_DATA_DIR
              value: /var/lib/numi
            - name: NUMI_SNAPSHOT_DIRECTORY
              value: /var/lib/numi/snapshots
            - name: NUMI_P2P_DISCOVERY_MDNS
              value: "false"
            {{- $bootstrap := list }}
            {{- if not $publish }}
            {{- $bootstrap = append $bootstrap (printf "/dns4/%s-source-0.%s-hl.%s.svc.cluster.local/tcp/%v" (include "numi.fullname" $root) (include "numi.fullname" $root) $root.Release.Namespace $root.Values.ports.p2p) }}
            {{- end }}
            {{- $bootstrap = concat $bootstrap $root.Values.global.bootstrap }}
            {{- if $bootstrap }}
            - name: NUMI_P2P_BOOTSTRAP
              value: {{ join "," $bootstrap | quote }}
            {{- end }}
            {{- with $root.Values.global.dnsSeeds }}
            - name: NUMI_P2P_DISCOVERY_DNSSEEDS
              value: {{ join "," . | quote }}
            {{- end }}
            - name: NUMI_API_MININGTOKENFILE
              value: /etc/numi/mining-token/token
            {{- if $root.Values.adminTokenSecret }}
            - name: NUMI_ADMIN_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.adminTokenSecret }}
                  key: token
            {{- end }}
            {{- with $root.Values.jvmOptions }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            {{- range $k, $v := $root.Values.extraEnv }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          {{- include "numi.probes" $root | nindent 10 }}
          resources:
            {{- include "numi.resources" $root | nindent 12 }}
          securityContext:
            {{- include "numi.containerSecurityContext" $root | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: /var/lib/numi
            - name: mining-token
              mountPath: /etc/numi/mining-token
              readOnly: true
            {{- include "numi.tmpVolumeMount" $root | nindent 12 }}
            {{- include "numi.kafkaVolumeMounts" $root | nindent 12 }}
      volumes:
        - name: mining-token
          secret:
            secretName: {{ required "node: miningTokenSecret is required" $root.Values.miningTokenSecret }}
            defaultMode: 0400
            items:
              - key: token
                path: token
        {{- if $root.Values.identitySecret }}
        - name: identity
          secret:
            secretName: {{ $root.Values.identitySecret }}
            defaultMode: 0400
        {{- end }}
        {{- include "numi.tmpVolume" $root | nindent 8 }}
        {{- include "numi.kafkaVolumes" $root | nindent 8 }}
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          {{- include "numi.selectorLabels" $root | nindent 10 }}
      spec:
        accessModes: [ReadWriteOnce]
        {{- with $root.Values.persistence.storageClass }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $root.Values.persistence.size }}
{{- end -}}
