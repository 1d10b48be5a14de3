FROM node:20
COPY [single, /app/
RUN npm install
