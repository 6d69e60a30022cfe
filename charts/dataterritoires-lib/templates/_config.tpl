{{/*
Configuration of a service. Plain settings go to a ConfigMap mounted as /config/application-kubernetes.yaml (read
by Spring Boot through SPRING_CONFIG_ADDITIONAL_LOCATION, so keys that environment variables cannot spell, such as
gRPC channel names with dashes, work) and to environment variables. Secrets are only referenced (secretKeyRef):
no chart of this repository ever renders a Secret or a secret value.
*/}}

{{- define "dtlib.springConfig.v1" -}}
{{- $root := . -}}
{{- $self := include "dtlib.name.v1" . -}}
{{- $channels := dict -}}
{{- range $flow := .Values.global.flows -}}
{{- if and (eq $flow.from $self) (eq $flow.port "grpc") -}}
{{- $target := index $root.Values.global.services $flow.to -}}
{{- $channel := dict "address" (printf "static://%s:%v" $flow.to $target.grpcPort) -}}
{{- if include "dtlib.tls.enabled.v1" $root -}}
{{- $_ := set $channel "negotiation-type" "tls" -}}
{{- $_ := set $channel "ssl" (dict "bundle" "dt-trust") -}}
{{- end -}}
{{- $_ := set $channels $flow.to $channel -}}
{{- end -}}
{{- end -}}
{{- $config := dict "spring" (dict "application" (dict "name" $self)) -}}
{{- if $channels -}}
{{- $_ := set $config "spring" (merge (dict "grpc" (dict "client" (dict "channels" $channels))) $config.spring) -}}
{{- end -}}
{{- if include "dtlib.tls.enabled.v1" . -}}
{{- /* PEM bundles read from the mounted Secret and trust bundle; reloaded when cert-manager renews them */ -}}
{{- $server := dict "reload-on-update" true "keystore" (dict "certificate" "file:/tls/server/tls.crt" "private-key" "file:/tls/server/tls.key") -}}
{{- $trust := dict "reload-on-update" true "truststore" (dict "certificate" (printf "file:/tls/trust/%s" .Values.global.tls.trustBundle.pemKey)) -}}
{{- $_ := set $config "spring" (merge (dict "ssl" (dict "bundle" (dict "pem" (dict "dt-server" $server "dt-trust" $trust)))) $config.spring) -}}
{{- $_ := set $config "server" (dict "ssl" (dict "bundle" "dt-server")) -}}
{{- if .Values.ports.grpc -}}
{{- $grpc := $config.spring.grpc | default dict -}}
{{- $_ := set $grpc "server" (dict "ssl" (dict "enabled" true "bundle" "dt-server")) -}}
{{- $_ := set $config.spring "grpc" $grpc -}}
{{- end -}}
{{- end -}}
{{- toYaml (mergeOverwrite $config (deepCopy (.Values.springConfig | default dict))) -}}
{{- end -}}

{{- define "dtlib.configmap.v1" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "dtlib.name.v1" . }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
data:
  application-kubernetes.yaml: |
    {{- include "dtlib.springConfig.v1" . | nindent 4 }}
{{- end -}}

{{/* Environment of the service container and of the migration Job: connection settings and secret references. */}}
{{- define "dtlib.backendEnv.v1" -}}
{{- $v := .Values -}}
{{- if $v.database.enabled }}
- name: SPRING_DATASOURCE_URL
  value: {{ printf "jdbc:postgresql://%s-rw:5432/%s" $v.database.cluster $v.database.name | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $v.database.secretName | default (printf "%s-app" $v.database.cluster) }}
      key: username
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.database.secretName | default (printf "%s-app" $v.database.cluster) }}
      key: password
{{- end }}
{{- end -}}

{{- define "dtlib.env.v1" -}}
{{- $v := .Values -}}
- name: SPRING_PROFILES_ACTIVE
  value: kubernetes
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: optional:file:/config/
- name: DT_HTTP_PORT
  value: {{ $v.ports.http | quote }}
{{- if $v.ports.grpc }}
- name: DT_GRPC_PORT
  value: {{ $v.ports.grpc | quote }}
{{- end }}
{{- /* the service's own rate limit per caller (libs/platform platform.ratelimit, ADR 0018) */}}
- name: DT_SERVICE_RATE_LIMIT_ENABLED
  value: {{ $v.serviceRateLimit.enabled | quote }}
- name: DT_SERVICE_RATE_LIMIT_REPLENISH_RATE
  value: {{ $v.serviceRateLimit.replenishRate | quote }}
- name: DT_SERVICE_RATE_LIMIT_BURST_CAPACITY
  value: {{ $v.serviceRateLimit.burstCapacity | int64 | quote }}
{{- if include "dtlib.tls.enabled.v1" . }}
{{- /* the JDK's HTTP clients (service calls, the issuer's keys) trust the suite's bundle */}}
- name: JDK_JAVA_OPTIONS
  value: {{ printf "%s -Djavax.net.ssl.trustStore=/tls/trust/%s -Djavax.net.ssl.trustStoreType=PKCS12" $v.jvm.options $v.global.tls.trustBundle.pkcs12Key | quote }}
{{- else }}
- name: JDK_JAVA_OPTIONS
  value: {{ $v.jvm.options | quote }}
{{- end }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI
  value: {{ $v.global.oidc.issuerUri | quote }}
{{- /* keys fetched inside the cluster (the NetworkPolicy allows the issuer's pods only); iss still checked */}}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI
  value: {{ $v.global.oidc.jwkSetUri | quote }}
{{- if $v.global.oidc.audience }}
- name: DATATERRITOIRES_SECURITY_AUDIENCE
  value: {{ $v.global.oidc.audience | quote }}
{{- end }}
{{- if $v.global.otlpEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ $v.global.otlpEndpoint | quote }}
{{- end }}
{{- include "dtlib.backendEnv.v1" . }}
{{- if $v.rabbitmq.enabled }}
- name: SPRING_RABBITMQ_HOST
  value: {{ $v.global.rabbitmq.host | quote }}
- name: SPRING_RABBITMQ_PORT
  value: "5672"
- name: SPRING_RABBITMQ_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $v.rabbitmq.secretName }}
      key: username
- name: SPRING_RABBITMQ_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.rabbitmq.secretName }}
      key: password
{{- end }}
{{- if $v.elasticsearch.enabled }}
- name: SPRING_ELASTICSEARCH_URIS
  value: {{ $v.global.elasticsearch.uri | quote }}
- name: SPRING_ELASTICSEARCH_USERNAME
  value: {{ $v.elasticsearch.username | quote }}
- name: SPRING_ELASTICSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.elasticsearch.secretName }}
      key: {{ $v.elasticsearch.secretKey }}
{{- end }}
{{- if and $v.redis $v.redis.enabled $v.global.redis }}
- name: DT_REDIS_URL
  value: {{ printf "redis://%s:%v" $v.global.redis.host $v.global.redis.port | quote }}
{{- end }}
{{- $generated := dict -}}
{{- if include "dtlib.tls.enabled.v1" . }}
{{- $self := include "dtlib.name.v1" . }}
{{- range $flow := $v.global.flows }}
{{- if and (eq $flow.from $self) (eq $flow.port "http") }}
{{- $name := printf "DT_%s_URL" ($flow.to | upper | replace "-" "_") }}
{{- $_ := set $generated $name true }}
- name: {{ $name }}
  value: {{ printf "https://%s:%v" $flow.to (index $v.global.services $flow.to).httpPort | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- range $key, $value := $v.env }}
{{- if not (hasKey $generated $key) }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}
{{- range $ref := $v.secretEnv }}
- name: {{ $ref.name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secretName }}
      key: {{ $ref.key }}
{{- end }}
{{- end -}}
