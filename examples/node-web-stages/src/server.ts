import { createServer } from 'node:http';
import { summary } from './status';

const checks = [
  { name: 'database', ok: true },
  { name: 'queue', ok: true },
];

createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.url === '/healthz' ? { status: 'ok' } : summary(checks)));
}).listen(Number(process.env.PORT ?? 8080));
