import CNcursesw

/// The ncurses button bits we ask for and decode (their values depend on the mouse protocol version).
enum MouseButtons {
    typealias Mask = mmask_t

    static let button1Pressed = shim_button1_pressed()
    static let button1Clicked = shim_button1_clicked()
    static let button1Released = shim_button1_released()
    static let wheelUp = shim_button4_pressed()
    static let wheelDown = shim_button5_pressed()
    static let shift = shim_button_shift()

    /// What `mousemask` is asked to report: presses, not releases or motion, to keep input quiet.
    static let reported = button1Pressed | button1Clicked | wheelUp | wheelDown
}
