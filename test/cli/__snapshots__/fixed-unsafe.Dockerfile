# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22

FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM golang:${GO_VERSION} AS Build
RUN go vet ./...

FROM alpine:latest AS runtime
RUN apk add --no-cache ca-certificates
WORKDIR /app  # the app folder
COPY --from=biuld /out/server /app/server
USER nobody
ENTRYPOINT ["/app/server"]
