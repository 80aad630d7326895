/// `2,000`: counts of servers read at a glance, whatever the machine's locale (a comma in one
/// place and a dot in another would make `1.500` read as one and a half).
package func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return count < 0 ? "-" + result : result
}
