package main

import (
	"context"
	"net/http"
	"net/smtp"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// disk writes each note into a file of its directory.
type disk struct{ dir string }

func newDisk(dir string) *disk { return &disk{dir: dir} }

func (d *disk) Put(_ context.Context, name, text string) error {
	return os.WriteFile(filepath.Join(d.dir, filepath.Base(name)), []byte(text), 0o600) // want `save_note: fs-write os\.WriteFile` `BR301: tool save_note can write files through os\.WriteFile with no confirmation before it`
}

// web sends each note to a notes service.
type web struct {
	base   string
	client *http.Client
}

func newWeb(base string) (*web, error) {
	if _, err := url.Parse(base); err != nil {
		return nil, err
	}
	return &web{base: base, client: &http.Client{}}, nil
}

func (w *web) Put(ctx context.Context, name, text string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, w.base+"/notes/"+url.PathEscape(name), strings.NewReader(text))
	if err != nil {
		return err
	}
	resp, err := w.client.Do(req) // want `publish_note: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool publish_note can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// gitArchive commits what its directory holds.
type gitArchive struct{ dir string }

func (g *gitArchive) Put(ctx context.Context, _, _ string) error {
	return exec.CommandContext(ctx, "git", "-C", g.dir, "commit", "-a", "-m", "archive").Run() // want `archive_note: exec os/exec\.CommandContext` `BR301: tool archive_note can run processes through os/exec\.CommandContext with no confirmation before it`
}

// mailBox mails each note to a fixed address.
type mailBox struct{ relay, to string }

func (m *mailBox) Put(_ context.Context, name, text string) error {
	return smtp.SendMail(m.relay, nil, "notes@localhost", []string{m.to}, []byte("Subject: "+name+"\r\n\r\n"+text)) // want `mail_note: email net/smtp\.SendMail` `BR301: tool mail_note can send e-mail through net/smtp\.SendMail with no confirmation before it`
}
