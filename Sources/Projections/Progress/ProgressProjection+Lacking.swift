extension ProgressProjection.Behind {
    /// What the unit still lacks to complete the stage, in `language`: the one wording the progress
    /// views and the notices share.
    public func lacking(_ language: PaperLanguage) -> String {
        switch completion {
        case .normAdopted:
            return language("尚未制定分类规范", "no classification norm adopted")
        case .milestone:
            return language("办公厅尚未记录完成", "not recorded as done by the general office")
        case .recordsCleared:
            guard let share, share.of > 0 else { return language("尚无存量信息记录", "no backlog records yet") }
            return language("\(share.of - share.done) 条存量信息尚未清理", "\(share.of - share.done) backlog records not cleared")
        case .recordsPublished:
            guard let share, share.of > 0 else { return language("尚无存量信息记录", "no backlog records yet") }
            if share.done == share.of { return language("指南尚不完备", "a complete guide") }
            return language("\(share.of - share.done) 条存量信息尚未清理或发布", "\(share.of - share.done) backlog records not cleared or not published")
        }
    }
}
