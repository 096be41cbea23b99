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

/// The answer to a private link: it sets the session's cookie and moves on to `next`.
///
/// Not a redirect: a link clicked in webmail is a navigation from another site, and a browser
/// does not send a SameSite=Strict cookie on the redirect that ends such a navigation (nor on a
/// meta refresh), so the agency would land on "open your link again". A move started by the
/// portal's own page is same-site: `open.js` replaces the page with `next` at once (the token
/// leaves the address bar and the history); without scripts, the button does it in one click.
struct OpeningPage {
    var chrome: Chrome
    var next: String
    var label: String
}
