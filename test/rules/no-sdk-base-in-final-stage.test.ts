import rule from '../../server/src/rules/no-sdk-base-in-final-stage';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const goBuilder = df`
  FROM golang:1.22 AS build
  WORKDIR /src
  COPY . .
  RUN CGO_ENABLED=0 go build -o /out/app .
`;

ruleTester(rule, {
  valid: [
    { name: 'runtime image in the final stage', code: `${goBuilder}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n` },
    { name: 'no builder stage (prefer-multi-stage-build covers it)', code: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n' },
    { name: 'the final stage still builds', code: `${goBuilder}FROM golang:1.22\nCOPY --from=build /out/app /app\nRUN go build ./tools/...\nCMD ["/app"]\n` },
    { name: 'the final stage installs packages with pip (may compile)', code: 'FROM python:3.12 AS deps\nRUN pip wheel -w /w x\nFROM python:3.12\nCOPY --from=deps /w /w\nRUN pip install /w/*\nCMD ["python", "-m", "x"]\n' },
    { name: 'copies only from image aliases, no builder', code: 'FROM anchore/syft:v1 AS syft\nFROM golang:1.22\nCOPY --from=syft /syft /usr/bin/syft\nCMD ["/usr/bin/syft"]\n' },
    { name: 'a build image by purpose (starts the build tool)', code: 'FROM eclipse-temurin:21-jdk AS b\nRUN mvn -v\nFROM maven:3-eclipse-temurin-21\nCOPY --from=b /x /x\nCMD ["mvn"]\n' },
    { name: 'uncurated base image', code: `${goBuilder}FROM company/golang-runtime:1\nCOPY --from=build /out/app /app\nCMD ["/app"]\n` },
    { name: 'FROM builder AS test is not the final image', code: `${goBuilder}FROM build AS test\nRUN go test ./...\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n` },
  ],
  invalid: [
    {
      name: 'golang final image with a builder, fixed to distroless/static',
      code: `${goBuilder}FROM golang:1.22\nCOPY --from=build /out/app /app\nCMD ["/app"]\n`,
      errors: [{ messageId: 'sdkBase', line: 5, column: 6, endColumn: 17, message: "'gcr.io/distroless/static-debian12'" }],
      fixes: [{ title: "Use 'gcr.io/distroless/static-debian12' (unsafe)", output: `${goBuilder}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n` }],
    },
    {
      name: 'JDK final image: use the JRE',
      code: 'FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn -B package\nFROM eclipse-temurin:21-jdk\nCOPY --from=build /app/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [{ messageId: 'sdkBase', line: 3, message: "'eclipse-temurin:21-jre'" }],
      fixes: [{ title: "Use 'eclipse-temurin:21-jre' (unsafe)", output: 'FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /app/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' }],
    },
    {
      name: 'the SDK comes in through FROM <stage>: reported on the root FROM',
      code: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20 AS base\nFROM base\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'sdkBase', line: 3, column: 6, message: "'node:20-slim'" }],
    },
  ],
});
