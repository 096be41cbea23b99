#!/usr/bin/env python3
"""An SMTP server for tests (aiosmtpd, PyPI): listens on a free port of 127.0.0.1, prints the
port on its first line, and keeps every message it accepts, byte for byte, as FOLDER/NNNN.eml
(with FOLDER/NNNN.json: the envelope's sender and recipients). The file is in place before the
server answers 250, so once the sending program has exited 0 the message is on the disk.
Runs until SIGTERM (the test ends its process group).

Usage: smtp_sink.py FOLDER
"""
import json
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "%04d" % self.count)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK kept"


def main():
    folder = sys.argv[1]
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    main()
