{{/*
Database migrations: a Helm pre-install/pre-upgrade hook Job (ADR 0008). The service's migrations live in its jar
(db/migration) and in the platform jar (db/platform); an init container of the service image copies exactly those
two jars to a shared emptyDir, and the pinned Flyway command-line image applies them (same Flyway major as the
application's). A failing migration fails `helm upgrade` before any pod is replaced: the running version keeps
serving on the old schema, so migrations must stay backward compatible (expand, then contract a release later).
The application's own Flyway run at start then finds nothing to do.
*/}}
{{- define "dtlib.migrationsSelectorLabels.v1" -}}
app.kubernetes.io/name: {{ include "dtlib.name.v1" . }}-migrations
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The Job's own NetworkPolicy (a hook too, created just before it): DNS and the service's database only. */}}
{{- define "dtlib.migrationsNetworkPolicy.v1" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "dtlib.name.v1" . }}-migrations
  labels:
    {{- include "dtlib.migrationsSelectorLabels.v1" . | nindent 4 }}
    {{- include "dtlib.commonLabels.v1" . | nindent 4 }}
    app.kubernetes.io/component: migrations
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-1"
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  podSelector:
    matchLabels:
      {{- include "dtlib.migrationsSelectorLabels.v1" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress: []
  egress:
    {{- include "dtlib.dnsEgress.v1" . | nindent 4 }}
    {{- include "dtlib.databaseEgress.v1" . | nindent 4 }}
{{- end -}}

{{- define "dtlib.migrations.v1" -}}
{{- $name := include "dtlib.name.v1" . -}}
{{- $m := .Values.migrations -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ $name }}-migrations
  labels:
    {{- include "dtlib.migrationsSelectorLabels.v1" . | nindent 4 }}
    {{- include "dtlib.commonLabels.v1" . | nindent 4 }}
    app.kubernetes.io/component: migrations
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $m.backoffLimit }}
  activeDeadlineSeconds: {{ $m.activeDeadlineSeconds }}
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        {{- include "dtlib.migrationsSelectorLabels.v1" . | nindent 8 }}
        {{- include "dtlib.commonLabels.v1" . | nindent 8 }}
        app.kubernetes.io/component: migrations
    spec:
      restartPolicy: Never
      {{- /* the namespace's default account: a hook runs before the chart's own ServiceAccount exists */}}
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        {{- include "dtlib.podSecurityContext.v1" . | nindent 8 }}
      initContainers:
        - name: copy-migrations
          image: {{ include "dtlib.image.v1" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            - sh
            - -c
            - cp /application/application.jar /application/lib/platform-*.jar /migrations/
          resources:
            {{- toYaml $m.resources | nindent 12 }}
          securityContext:
            {{- include "dtlib.containerSecurityContext.v1" . | nindent 12 }}
          volumeMounts:
            - name: migrations
              mountPath: /migrations
      containers:
        - name: flyway
          image: {{ printf "%s:%s" $m.image.repository $m.image.tag }}
          imagePullPolicy: IfNotPresent
          args:
            - -locations=classpath:db/migration,classpath:db/platform
            - -jarDirs=/migrations
            - -connectRetries=30
            - -outOfOrder={{ $m.outOfOrder }}
            - migrate
          env:
            # no usage reporting to Redgate: the Job's NetworkPolicy allows DNS and the database only
            - name: REDGATE_DISABLE_TELEMETRY
              value: "true"
            - name: FLYWAY_URL
              value: {{ printf "jdbc:postgresql://%s-rw:5432/%s" .Values.database.cluster .Values.database.name | quote }}
            - name: FLYWAY_USER
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.database.secretName | default (printf "%s-app" .Values.database.cluster) }}
                  key: username
            - name: FLYWAY_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.database.secretName | default (printf "%s-app" .Values.database.cluster) }}
                  key: password
          resources:
            {{- toYaml $m.resources | nindent 12 }}
          securityContext:
            {{- include "dtlib.containerSecurityContext.v1" . | nindent 12 }}
          volumeMounts:
            - name: migrations
              mountPath: /migrations
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: migrations
          emptyDir:
            sizeLimit: 256Mi
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
{{- end -}}
