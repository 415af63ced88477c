package main

import (
	"io"
	"net/http"

	"google.golang.org/genai"
)

// personaHandler lets a web form set the assistant's persona: the form
// field becomes the SystemInstruction (BR205). The question goes into the
// user's content, as it should.
func personaHandler(client *genai.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		config := &genai.GenerateContentConfig{
			SystemInstruction: genai.NewContentFromText("You are "+r.FormValue("persona"), genai.RoleUser), // want `BR205: the HTTP request reaches a system prompt through genai\.GenerateContentConfig\.SystemInstruction in personaHandler\$1`
		}
		resp, err := client.Models.GenerateContent(r.Context(), "gemini-2.5-flash", genai.Text(r.FormValue("q")), config)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		io.WriteString(w, resp.Text())
	}
}
