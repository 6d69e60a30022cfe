{{/*
NetworkPolicy: deny by default (both directions), then allow exactly
- ingress on the http port from the pods/namespaces of global.networkPolicy.httpIngressFrom (gateway, ingress
  controller) and from the monitoring namespace (Prometheus scrapes /actuator/prometheus);
- ingress on a port from each service declared as `from` in a global.flows entry whose `to` is this service;
- egress to each service declared as `to` in a global.flows entry whose `from` is this service, on that port;
- egress to DNS, to the OIDC issuer, to the data engines this service uses (its own PostgreSQL cluster, RabbitMQ,
  Elasticsearch, Redis when redis.enabled and global.redis is set) and, when externalEgress is on (harvesting), to public addresses on 80/443.
The chart checks compare these rules with global.flows: a rule that opens anything else fails `make charts`.
*/}}
{{- define "dtlib.dnsEgress.v1" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

{{- define "dtlib.databaseEgress.v1" -}}
- to:
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ .Values.database.cluster }}
  ports:
    - port: 5432
      protocol: TCP
{{- end -}}

{{- define "dtlib.networkpolicy.v1" -}}
{{- $root := . -}}
{{- $self := include "dtlib.name.v1" . -}}
{{- $g := .Values.global -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $self }}
  labels:
    {{- include "dtlib.labels.v1" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "dtlib.selectorLabels.v1" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        {{- range $g.networkPolicy.httpIngressFrom }}
        - {{- toYaml . | nindent 10 }}
        {{- end }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $g.monitoring.namespace }}
      ports:
        - port: http
          protocol: TCP
    {{- range $flow := $g.flows }}
    {{- if eq $flow.to $self }}
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ $flow.from }}
      ports:
        - port: {{ $flow.port }}
          protocol: TCP
    {{- end }}
    {{- end }}
  egress:
    {{- include "dtlib.dnsEgress.v1" . | nindent 4 }}
    - to:
        - {{- toYaml $g.oidc.networkPeer | nindent 10 }}
      ports:
        - port: {{ $g.oidc.port }}
          protocol: TCP
    {{- range $flow := $g.flows }}
    {{- if eq $flow.from $self }}
    {{- $target := index $g.services $flow.to }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ $flow.to }}
      ports:
        - port: {{ ternary $target.grpcPort $target.httpPort (eq $flow.port "grpc") }}
          protocol: TCP
    {{- end }}
    {{- end }}
    {{- if .Values.database.enabled }}
    {{- include "dtlib.databaseEgress.v1" . | nindent 4 }}
    {{- end }}
    {{- if .Values.rabbitmq.enabled }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ $g.rabbitmq.cluster }}
      ports:
        - port: 5672
          protocol: TCP
    {{- end }}
    {{- if .Values.elasticsearch.enabled }}
    - to:
        - podSelector:
            matchLabels:
              elasticsearch.k8s.elastic.co/cluster-name: {{ $g.elasticsearch.cluster }}
      ports:
        - port: 9200
          protocol: TCP
    {{- end }}
    {{- if and .Values.redis .Values.redis.enabled $g.redis }}
    - to:
        - {{- toYaml $g.redis.networkPeer | nindent 10 }}
      ports:
        - port: {{ $g.redis.port }}
          protocol: TCP
    {{- end }}
    {{- if $g.otlpEndpoint }}
    - to:
        - {{- toYaml $g.networkPolicy.otlpPeer | nindent 10 }}
      ports:
        - port: 4318
          protocol: TCP
    {{- end }}
    {{- if .Values.networkPolicy.externalEgress }}
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 10.0.0.0/8
              - 172.16.0.0/12
              - 192.168.0.0/16
              - 169.254.0.0/16
      ports:
        - port: 443
          protocol: TCP
        - port: 80
          protocol: TCP
    {{- end }}
{{- end -}}
