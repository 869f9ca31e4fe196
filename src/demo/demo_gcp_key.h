#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace mlwatch::demo {

// The identities of the simulated Google Cloud project and the credentials files that open it.
// Everything here is a dummy made for the demo: the RSA key below was generated once for
// MLWatch, is published with its source, and opens nothing but the simulated token endpoint
// (DemoGoogleCloud), which verifies JWTs against its public half.
class DemoGcpKey {
public:
    static constexpr char kProjectId[] = "mlwatch-demo-gcp";
    static constexpr char kProjectNumber[] = "271828182845"; // what Vertex AI puts in resource names
    static constexpr char kRegion[] = "us-central1";
    static constexpr char kClientEmail[] = "mlwatch-demo@mlwatch-demo-gcp.iam.gserviceaccount.com";
    static constexpr char kPrivateKeyId[] = "1bbe394504ed17f2a7b69e80cf1ae092880d28f9";
    static constexpr char kServiceAccountClientId[] = "526018159083016613186";
    // The authorized-user (gcloud ADC) file's OAuth client and refresh token: dummies.
    static constexpr char kUserClientId[] = "764086051850-mlwatchdemo.apps.googleusercontent.com";
    static constexpr char kUserClientSecret[] = "d-MLWATCH-DEMO-NotASecret";
    static constexpr char kUserRefreshToken[] = "1//mlwatch-demo-NotARefreshToken";

    // PEM PKCS#8 RSA-2048 private key ("-----BEGIN PRIVATE KEY-----"), as Google writes it.
    static QByteArray privateKeyPem();

    // A service-account key file (cloud-apis.md §3.1) whose token_uri is `tokenUri`.
    static QByteArray serviceAccountKeyJson(const QUrl &tokenUri);
    // An authorized_user ADC file with quota_project_id = the demo project and token_uri =
    // `tokenUri` (google-auth honours token_uri in such files; gcloud does not write one).
    static QByteArray authorizedUserJson(const QUrl &tokenUri);
};

} // namespace mlwatch::demo
