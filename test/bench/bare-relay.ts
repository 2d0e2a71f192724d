import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: a bare socket.io server that relays a message to the other member of a
 * room and acknowledges it — the same shape of work as Prystan's relay, with no database,
 * no encryption, no validation and no Redis.
 */
const port = Number(process.argv[2] ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('relay', (msg: { room: string; text: string }, ack: (r: object) => void) => {
    socket.to(msg.room).emit('message', { text: msg.text, sentAt: new Date().toISOString() });
    ack({ ok: true });
  });
});
http.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${(http.address() as { port: number }).port}\n`));
process.on('SIGTERM', () => { io.close(); http.close(); process.exit(0); });
