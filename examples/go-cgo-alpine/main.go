package main

import (
	"crypto/rand"
	"encoding/hex"
	"log"
	"net/http"
	"sync"
)

type store struct {
	mu    sync.RWMutex
	links map[string]string
}

func (s *store) shorten(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	if target == "" {
		http.Error(w, "missing url", http.StatusBadRequest)
		return
	}
	buf := make([]byte, 4)
	if _, err := rand.Read(buf); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	code := hex.EncodeToString(buf)
	s.mu.Lock()
	s.links[code] = target
	s.mu.Unlock()
	w.Write([]byte("/" + code + "\n"))
}

func (s *store) follow(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	target, ok := s.links[r.URL.Path[1:]]
	s.mu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	http.Redirect(w, r, target, http.StatusFound)
}

func main() {
	s := &store{links: map[string]string{}}
	http.HandleFunc("/shorten", s.shorten)
	http.HandleFunc("/", s.follow)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
