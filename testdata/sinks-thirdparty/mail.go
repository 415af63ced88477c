package main

import (
	"context"
	"net/smtp"
)

// emailReceipt sends mail.
//
//blastradius:tool email_receipt
func emailReceipt(ctx context.Context, to string) (string, error) { // want `tool email_receipt directive directive` `BR304: tool email_receipt\b.*` `BR305: tool email_receipt\b.*`
	msg := []byte("Subject: Your receipt\r\n\r\nThanks for your order.\r\n")
	if err := smtp.SendMail("localhost:25", nil, "shop@example.com", []string{to}, msg); err != nil { // want `email_receipt: email net/smtp\.SendMail \(tainted\)` `BR106: tool email_receipt\b.*net/smtp\.SendMail` `BR301: tool email_receipt\b.*net/smtp\.SendMail.*`
		return "", err
	}
	return "sent", nil
}
