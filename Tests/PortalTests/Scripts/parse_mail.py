#!/usr/bin/env python3
"""Parses mail files with Python's email package, as a mail program would, and prints one JSON
object per file: the decoded headers (Subject, From, To, Date, Message-ID), whether each header
and the body are as RFC 5322 and MIME want them, and the decoded body text.

Usage: parse_mail.py FILE...
"""
import email
import email.policy
import email.utils
import json
import sys


def parse(path):
    raw = open(path, "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    header_end = lines.index(b"")
    return {
        "file": path,
        "subject": str(message["Subject"]),
        "from": str(message["From"]),
        "to": [a.addr_spec for a in message["To"].addresses],
        "toNames": [a.display_name for a in message["To"].addresses],
        "date": email.utils.parsedate_to_datetime(message["Date"]).isoformat() if message["Date"] else None,
        "messageID": message["Message-ID"],
        "contentType": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transferEncoding": message["Content-Transfer-Encoding"],
        "defects": [type(d).__name__ for d in message.defects] + [type(d).__name__ for h in message.values() for d in getattr(h, "defects", [])],
        "ascii": all(b < 128 for b in raw),
        "longestLine": max(len(l) for l in lines),
        "headerNames": [l.split(b":")[0].decode() for l in lines[:header_end] if l and not l[:1].isspace()],
        # SMTP carries lines ending CRLF; the text is compared as written, with LF.
        "body": message.get_content().replace("\r\n", "\n"),
    }


print(json.dumps([parse(p) for p in sys.argv[1:]], ensure_ascii=False))
