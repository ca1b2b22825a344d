import Clearance
import Dispatch
import EventLog
import Foundation

/// `clearance serve`: the single writer of a log on its machine, over a Unix-domain socket.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "be the log's single writer: take signed submissions over a Unix socket",
        options: [.value("--socket", "PATH", "the socket to listen on (default: DIR/serve.sock, DIR being the log)")],
        discussion: """
            Run it as the account that owns the log: nobody else then needs write permission on
            events.jsonl. Other local accounts connect to the socket (mode 0666; never a network socket);
            the kernel tells the server each client's account (SO_PEERCRED), and that account, not
            anything the client says, must be bound to the submission's actor. Appends of every command
            go to the server while it runs (the socket file is there), signed by the client. Requests that
            arrive while a batch is being written are checked in order and appended together (one
            fdatasync per group). Stops on SIGTERM or SIGINT, removing the socket file. Refuses to start
            when a server already answers on the socket. Protocol: docs/serve.md.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let path = arguments.value("--socket") ?? context.logDirectory + "/serve.sock"
        let writer = try GroupWriter(directory: context.logDirectory)
        let server = try LogServer(writer: writer, path: path)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.stop() }
            source.resume()
            sources.append(source)
        }
        Terminal.note("serving \(LogFile.path(in: context.logDirectory)) on \(path) as \(OSAccount.current().name) (stop with SIGTERM or Ctrl-C)")
        server.run()
        sources.forEach { $0.cancel() }
        Terminal.note("stopped: \(server.summary)")
    }
}
