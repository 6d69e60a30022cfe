{{- define "dtlib.podSecurityContext.v1" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.uid }}
runAsGroup: {{ .Values.securityContext.uid }}
fsGroup: {{ .Values.securityContext.uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "dtlib.containerSecurityContext.v1" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "dtlib.serviceaccount.v1" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
{{- end -}}

{{- define "dtlib.k8sservice.v1" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "dtlib.selectorLabels.v1" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.ports.http }}
      targetPort: http
      protocol: TCP
      appProtocol: http
    {{- if .Values.ports.grpc }}
    - name: grpc
      port: {{ .Values.ports.grpc }}
      targetPort: grpc
      protocol: TCP
      appProtocol: kubernetes.io/h2c
    {{- end }}
{{- end -}}

{{/*
Probes. Startup and readiness use Spring Boot's health groups over HTTP (readiness includes the database, the broker
and Elasticsearch); liveness uses the native gRPC health probe (grpc.health.v1, anonymous) when the service has a
gRPC port, so both ports are watched, and the HTTP liveness group otherwise.
*/}}
{{- define "dtlib.probes.v1" -}}
{{- $p := .Values.probes -}}
{{- $tls := include "dtlib.tls.enabled.v1" . -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
    {{- if $tls }}
    scheme: HTTPS
    {{- end }}
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
  timeoutSeconds: 3
livenessProbe:
  {{- /* the kubelet's gRPC probe speaks plaintext only: with TLS, liveness goes over HTTPS */}}
  {{- if and .Values.ports.grpc (not $tls) }}
  grpc:
    port: {{ .Values.ports.grpc }}
  {{- else }}
  httpGet:
    path: /actuator/health/liveness
    port: http
    {{- if $tls }}
    scheme: HTTPS
    {{- end }}
  {{- end }}
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
    {{- if $tls }}
    scheme: HTTPS
    {{- end }}
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: 3
{{- end -}}

{{- define "dtlib.deployment.v1" -}}
{{- $name := include "dtlib.name.v1" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "dtlib.selectorLabels.v1" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "dtlib.labels.v1" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "dtlib.configmap.v1" . | sha256sum }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
      enableServiceLinks: false
      securityContext:
        {{- include "dtlib.podSecurityContext.v1" . | nindent 8 }}
      {{- /* preStop sleep, then Spring's graceful shutdown (20 s per phase), with a margin */}}
      terminationGracePeriodSeconds: {{ .Values.shutdown.terminationGracePeriodSeconds }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: {{ .Values.topologySpread.zone }}
          labelSelector:
            matchLabels:
              {{- include "dtlib.selectorLabels.v1" . | nindent 14 }}
          matchLabelKeys:
            - pod-template-hash
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: {{ .Values.topologySpread.node }}
          labelSelector:
            matchLabels:
              {{- include "dtlib.selectorLabels.v1" . | nindent 14 }}
          matchLabelKeys:
            - pod-template-hash
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      containers:
        - name: {{ $name }}
          image: {{ include "dtlib.image.v1" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.ports.http }}
              protocol: TCP
            {{- if .Values.ports.grpc }}
            - name: grpc
              containerPort: {{ .Values.ports.grpc }}
              protocol: TCP
            {{- end }}
          env:
            {{- include "dtlib.env.v1" . | nindent 12 }}
          {{- include "dtlib.probes.v1" . | nindent 10 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ .Values.shutdown.preStopSleepSeconds }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- include "dtlib.containerSecurityContext.v1" . | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: config
              mountPath: /config
              readOnly: true
            {{- if include "dtlib.tls.enabled.v1" . }}
            - name: tls-server
              mountPath: /tls/server
              readOnly: true
            - name: tls-trust
              mountPath: /tls/trust
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        - name: config
          configMap:
            name: {{ $name }}
            items:
              - key: application-kubernetes.yaml
                path: application-kubernetes.yaml
        {{- if include "dtlib.tls.enabled.v1" . }}
        - name: tls-server
          secret:
            secretName: {{ include "dtlib.tls.secretName.v1" . }}
            defaultMode: 288  # 0440: owner and group (fsGroup) read, as decimal for every YAML reader
            items:
              - key: tls.crt
                path: tls.crt
              - key: tls.key
                path: tls.key
        - name: tls-trust
          configMap:
            name: {{ .Values.global.tls.trustBundle.configMapName }}
            items:
              - key: {{ .Values.global.tls.trustBundle.pemKey }}
                path: {{ .Values.global.tls.trustBundle.pemKey }}
              - key: {{ .Values.global.tls.trustBundle.pkcs12Key }}
                path: {{ .Values.global.tls.trustBundle.pkcs12Key }}
        {{- end }}
{{- end -}}

{{- define "dtlib.pdb.v1" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
spec:
  {{- if .Values.podDisruptionBudget.maxUnavailable }}
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
  {{- end }}
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "dtlib.selectorLabels.v1" . | nindent 6 }}
{{- end -}}

{{- define "dtlib.hpa.v1" -}}
{{- $a := .Values.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "dtlib.name.v1" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
        - type: Pods
          value: 1
          periodSeconds: 60
{{- end -}}

{{- define "dtlib.servicemonitor.v1" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
    {{- with .Values.global.monitoring.serviceMonitorLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "dtlib.selectorLabels.v1" . | nindent 6 }}
  endpoints:
    - port: http
      path: /actuator/prometheus
      interval: {{ .Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .Values.serviceMonitor.scrapeTimeout }}
      {{- if include "dtlib.tls.enabled.v1" . }}
      scheme: https
      tlsConfig:
        serverName: {{ include "dtlib.name.v1" . }}
        ca:
          configMap:
            name: {{ .Values.global.tls.trustBundle.configMapName }}
            key: {{ .Values.global.tls.trustBundle.pemKey }}
      {{- end }}
{{- end -}}
