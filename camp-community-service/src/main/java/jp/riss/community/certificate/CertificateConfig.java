package jp.riss.community.certificate;

import io.smallrye.config.ConfigMapping;

/** The key certificates are signed with (HMAC-SHA256; base64, at least 32 bytes). */
@ConfigMapping(prefix = "riss.community.certificate")
public interface CertificateConfig {
  String key();
}
