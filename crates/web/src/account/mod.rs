//! Signing in and out, one-time links, password reset, invitations, and one's own account.

mod emailed;
mod invitation;
mod link;
mod oidc;
mod profile;
mod reset;
mod signin;

use crate::route::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/logga-in", signin::page),
        Route::post("/logga-in", signin::submit),
        Route::post("/logga-ut", signin::sign_out),
        Route::post("/logga-in/lank", link::request),
        Route::get("/logga-in/oidc", oidc::start),
        Route::get("/logga-in/oidc/tillbaka", oidc::back),
        Route::get("/logga-in/lank/{token}", link::confirm_page),
        Route::post("/logga-in/lank/{token}", link::use_link),
        Route::get("/glomt-losenord", reset::request_page),
        Route::post("/glomt-losenord", reset::request),
        Route::get("/aterstall/{token}", reset::page),
        Route::post("/aterstall/{token}", reset::submit),
        Route::get("/inbjudan/{token}", invitation::page),
        Route::post("/inbjudan/{token}", invitation::accept),
        Route::get("/konto", profile::page),
        Route::post("/konto", profile::submit),
        Route::post("/konto/api-nyckel", profile::api_key),
        Route::post("/konto/api-nyckel/{id}/aterkalla", profile::revoke_key),
    ]
}
