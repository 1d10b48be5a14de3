from fastapi import FastAPI

app = FastAPI(title="weather-cache")

_cache: dict[str, float] = {}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.put("/temperature/{city}")
def record(city: str, celsius: float) -> dict[str, float]:
    _cache[city.lower()] = celsius
    return {city: celsius}


@app.get("/temperature/{city}")
def read(city: str) -> dict[str, float | None]:
    return {city: _cache.get(city.lower())}
