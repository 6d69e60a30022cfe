{{/*
Versioned helper contract (after Magda's helm-helper-contracts): a service chart sets `libContract` to the
contract its values were written for; an unknown or missing one fails at render time instead of silently
rendering something else.
*/}}
{{- define "dtlib.compatibility-check.v1" -}}
{{- $supported := list "v1" -}}
{{- if not (has (.Values.libContract | default "") $supported) -}}
{{- fail (printf "dataterritoires-lib: chart %s asks for helper contract %q; this library supports %s" .Chart.Name (.Values.libContract | default "") (join ", " $supported)) -}}
{{- end -}}
{{- end -}}

{{- define "dtlib.name.v1" -}}
{{- .Values.nameOverride | default .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dtlib.selectorLabels.v1" -}}
app.kubernetes.io/name: {{ include "dtlib.name.v1" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "dtlib.labels.v1" -}}
{{ include "dtlib.selectorLabels.v1" . }}
{{ include "dtlib.commonLabels.v1" . }}
app.kubernetes.io/component: service
{{- end -}}

{{- define "dtlib.commonLabels.v1" -}}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/part-of: data-territoires
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "dtlib.image.v1" -}}
{{- $registry := .Values.global.imageRegistry | default "" -}}
{{- $tag := .Values.global.imageTag | default .Values.image.tag -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail (printf "%s: image tag must be a pinned version, not %q" (include "dtlib.name.v1" .) $tag) -}}
{{- end -}}
{{- if $registry -}}{{ printf "%s/%s:%s" $registry .Values.image.repository $tag }}{{- else -}}{{ printf "%s:%s" .Values.image.repository $tag }}{{- end -}}
{{- end -}}

{{/* Every object of a service, in a stable order. */}}
{{- define "dtlib.service.v1" -}}
{{- include "dtlib.compatibility-check.v1" . -}}
{{ include "dtlib.serviceaccount.v1" . }}
---
{{ include "dtlib.configmap.v1" . }}
---
{{ include "dtlib.k8sservice.v1" . }}
---
{{ include "dtlib.deployment.v1" . }}
---
{{ include "dtlib.pdb.v1" . }}
{{- if .Values.autoscaling.enabled }}
---
{{ include "dtlib.hpa.v1" . }}
{{- end }}
{{- if .Values.networkPolicy.enabled }}
---
{{ include "dtlib.networkpolicy.v1" . }}
{{- end }}
{{- if .Values.serviceMonitor.enabled }}
---
{{ include "dtlib.servicemonitor.v1" . }}
{{- end }}
{{- if .Values.migrations.enabled }}
---
{{ include "dtlib.migrationsNetworkPolicy.v1" . }}
---
{{ include "dtlib.migrations.v1" . }}
{{- end }}
{{- end -}}

{{/*
TLS between services (global.tls.enabled): each service serves HTTP and gRPC with the certificate of its Secret
(kubernetes.io/tls: tls.crt, tls.key; tls.secretName, default <name>-tls, e.g. written by a cert-manager Certificate)
and trusts the suite's CA bundle (global.tls.trustBundle: a ConfigMap with the CA in PEM and a PKCS12 trust store
without password, e.g. a trust-manager Bundle; it replaces the JVM's default trust store, so it must carry the public
CAs too). Off by default: the renders are then exactly the plaintext ones.
*/}}
{{- define "dtlib.tls.enabled.v1" -}}
{{- if and .Values.global.tls .Values.global.tls.enabled -}}true{{- end -}}
{{- end -}}

{{- define "dtlib.tls.secretName.v1" -}}
{{- $tls := .Values.tls | default dict -}}
{{- $tls.secretName | default (printf "%s-tls" (include "dtlib.name.v1" .)) -}}
{{- end -}}
