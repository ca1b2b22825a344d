extension FrameError: CustomStringConvertible {
    /// The reason alone: the message that carries it names the seq and byte offset.
    public var description: String { reason }
}
