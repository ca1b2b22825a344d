extension ClearanceState {
    /// Empties the parts not in `kept` (after a fold, which may have added to them).
    mutating func keep(only kept: StateParts) {
        if !kept.contains(.roles) { roles = [:] }
        if !kept.contains(.profiles) { profiles = [:] }
        if !kept.contains(.lastSerial) { lastSerial = [:] }
        if !kept.contains(.milestones) { milestones = [:] }
        if !kept.contains(.requests) { requests = [:] }
        if !kept.contains(.feedback) { feedback = [:] }
        if !kept.contains(.serviceGuides) { serviceGuides = [:] }
        if !kept.contains(.supervision) { supervision = Supervision() }
    }
}
