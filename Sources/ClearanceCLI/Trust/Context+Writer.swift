import Clearance
import EventLog

extension Context {
    /// The service appends go through: as this process's OS account, signing with the actor's key
    /// when there is one. A log that binds actors refuses an actor without a key here, with where
    /// the key was looked for; a log of declared actors takes unsigned submissions.
    ///
    /// While `clearance serve` answers on the log's socket, appends go to it (this account then needs
    /// only read access to the log); a socket file nobody answers on is noted, and the append is direct.
    func writingService() throws -> ClearanceService {
        let socket = ServeChannel.socketPath(logDirectory: logDirectory, environment: environment)
        var channel: ServeChannel?
        if ServeChannel.exists(at: socket) {
            if ServeChannel.isLive(at: socket) {
                channel = ServeChannel(path: socket)
            } else {
                Terminal.note("note: nobody answers on \(socket) (a server that stopped without removing it?): appending directly")
            }
        }
        // Whether this account may write the log at all comes first: that is the answer a reader gets.
        let header = try channel == nil ? LogFile.open(in: logDirectory).header : LogReader(directory: logDirectory).header()
        let keys = KeyFolder(environment: environment)
        let key = try actor.flatMap { try keys.load(for: $0) }
        if key == nil, let actor, header.actors == .bound {
            throw CommandFailure(
                "this log binds actors, and \(actor) has no key in \(keys.path) (create one with 'clearance key new --actor \(actor)', "
                    + "then have the general office register it); nothing was appended")
        }
        return ClearanceService(
            directory: logDirectory, writer: Writer(identity: OSAccount.current(), sign: key.map(Signer.sign(with:))), channel: channel)
    }
}
