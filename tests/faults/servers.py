"""Stand-ins for the services the site needs, misbehaving on purpose: a
server that accepts and never answers, a closed port, a minimal SMTP sink.
Only loopback addresses, ports 8200-8299."""

import contextlib
import random
import socket
import threading

PORTS = range(8200, 8300)


def free_port():
    """A port in the range that nothing listens on now. Tried in random
    order, so two runs on one machine seldom reach for the same one."""
    for port in random.sample(PORTS, len(PORTS)):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port in 8200-8299")


class _Server:
    """Accepts connections on a thread; `handle(conn)` does the talking."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", free_port()))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.open = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        self.sock.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                conn, _addr = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self.open.append(conn)
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        pass  # accept, then say nothing: a hung server

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join(timeout=2)
        for conn in self.open:
            with contextlib.suppress(OSError):
                conn.close()
        self.sock.close()


class HungServer(_Server):
    """Accepts every connection and never sends a byte (SMTP or Redis hung)."""


class SMTPSink(_Server):
    """Just enough SMTP to accept mail; keeps each message's raw text."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def handle(self, conn):
        file = conn.makefile("rb")

        def say(line):
            conn.sendall(line.encode() + b"\r\n")

        say("220 sink ready")
        try:
            for raw in file:
                command = raw.decode(errors="replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    say("250 sink")
                elif command.startswith("DATA"):
                    say("354 go on")
                    lines = []
                    for data in file:
                        if data in (b".\r\n", b".\n"):
                            break
                        lines.append(data.decode(errors="replace"))
                    self.messages.append("".join(lines))
                    say("250 queued")
                elif command.startswith("QUIT"):
                    say("221 bye")
                    return
                else:
                    say("250 ok")
        except OSError:
            return


@contextlib.contextmanager
def closed_port():
    """A port where nothing listens (a service that is down)."""
    yield free_port()
