/// A refusal: its heading and what to do.
struct ErrorPage {
    var chrome: Chrome
    var status: Int
    var message: String

    init(error: PageError) {
        chrome = .plain(error.title)
        status = Int(error.status.code)
        message = error.message
    }
}

/// The front page, for someone who arrives without a link.
struct StartPage {
    var chrome: Chrome
    var board: String?
    var period: String?
}

/// The secretariat's sign-in.
struct SignInPage {
    var chrome: Chrome
    var problem: String?
}

/// Choosing the secretariat's password, through the one-time link or when signed in.
struct PasswordPage {
    var chrome: Chrome
    var csrf: String
    var problem: String?
    var shortest: Int
}
