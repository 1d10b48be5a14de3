# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22

FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM golang:${GO_VERSION} AS build
RUN go vet ./...

FROM alpine:latest AS runtime
RUN apk add --no-cache ca-certificates
# the app folder
WORKDIR /app
COPY --from=biuld /out/server /app/server
USER nobody
ENTRYPOINT ["/app/server"]
