extension String {
    /// Without leading and trailing whitespace, including the ideographic space U+3000 that Chinese
    /// input methods type and line breaks.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
