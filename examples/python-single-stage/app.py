import os

import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/orders")
def orders():
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, status FROM orders ORDER BY id DESC LIMIT 20")
        return jsonify([{"id": row[0], "status": row[1]} for row in cur.fetchall()])
