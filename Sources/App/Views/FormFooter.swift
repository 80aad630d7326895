/// The form's footer: the keys of the focused field, since ↑↓ and Tab mean more than "next field"
/// on some of them (the key pair list, the path's completion) and every text field edits.
func formFooter(_ form: ReinstallForm) -> String {
    if form.isReviewing { return "type the name or the id  ^W ^U edit  Enter send  Esc back" }
    switch form.focus {
    case .keypair:
        return "↑↓ ←/→ choose a key pair  type to filter  Tab next field  Esc back"
    case .userData:
        return "Tab complete the path  Enter read it  ^W ^U ^K edit  Esc back"
    case .password, .confirmation:
        return "Tab/↑↓ field  ^A ^E ^W ^U ^K edit  ^R reveal  Esc back"
    case .cmkId:
        return "Tab/↑↓ field  ^A ^E ^W ^U ^K edit  Enter next  Esc back"
    default:
        return "Tab/↑↓ field  ←/→ choose  Enter next · review  ^R reveal  Esc back"
    }
}
