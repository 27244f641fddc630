package newsflow.common.http;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SSRF guard where the fetch layer's connections are made: host names are resolved once here, every
 * address they resolve to is checked, and each socket checks the very address and port it connects to, so a
 * name that resolves to something else a moment later (DNS rebinding) cannot slip a connection past the check.
 * Connections to the operator's own proxy are exempt: the proxy is their choice.
 */
final class GuardedConnector implements DnsResolver, DetachedSocketFactory {

    private final AddressPolicy policy;
    private final Duration lookupTimeout;
    /** Proxy host names (lower case), whose addresses are not checked. */
    private final Set<String> proxyHosts;
    /** Addresses the proxy names resolved to: sockets to them are not checked. */
    private final Set<InetAddress> proxyAddresses = ConcurrentHashMap.newKeySet();
    /** Lookups run here so one that hangs costs a virtual thread, not the caller past its deadline. */
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    GuardedConnector(AddressPolicy policy, Duration lookupTimeout, Set<String> proxyHosts) {
        this.policy = policy;
        this.lookupTimeout = lookupTimeout;
        this.proxyHosts = Set.copyOf(proxyHosts);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean proxy = proxyHosts.contains(name.toLowerCase(Locale.ROOT));
        if (!proxy) {
            String odd = AddressPolicy.oddIpv4Spelling(name);
            if (odd != null) {
                throw refused(odd);
            }
        }
        InetAddress[] addresses = lookUp(name);
        if (proxy) {
            proxyAddresses.addAll(java.util.Arrays.asList(addresses));
            return addresses;
        }
        for (InetAddress address : addresses) {
            String why = policy.refusalOnAnyPort(address);
            if (why != null) {
                // one refused address refuses the name: which one a connection would use is not ours to pick
                throw refused("host " + name + ": " + why);
            }
        }
        return addresses;
    }

    /**
     * Checks a URL's host before a request through a proxy, which resolves it itself: best effort, since the
     * proxy's answer may differ from ours.
     */
    void checkTarget(String host, int port) throws UnknownHostException {
        for (InetAddress address : resolve(host)) {
            String why = policy.refusal(address, port);
            if (why != null) {
                throw refused("host " + host + ": " + why);
            }
        }
    }

    private InetAddress[] lookUp(String name) throws UnknownHostException {
        Future<InetAddress[]> lookup = lookups.submit(() -> SystemDefaultDnsResolver.INSTANCE.resolve(name));
        try {
            return lookup.get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw (UnknownHostException) new UnknownHostException(name + ": " + e.getCause()).initCause(e.getCause());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException(name + ": no DNS answer within " + lookupTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnknownHostException(name + ": interrupted while resolving");
        }
    }

    /** Thrown from the resolver, whose contract allows only {@link UnknownHostException}; the cause says why. */
    private static UnknownHostException refused(String reason) {
        UnknownHostException e = new UnknownHostException(reason);
        e.initCause(new AddressRefusedException(reason));
        return e;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // never used for fetches (no Kerberos/SPNEGO), and must not cause a second lookup
    }

    @Override
    public Socket create(Proxy socksProxy) {
        return socksProxy == null ? new GuardedSocket() : new GuardedSocket(socksProxy);
    }

    /** A socket that checks where it connects. */
    private final class GuardedSocket extends Socket {

        GuardedSocket() {
        }

        GuardedSocket(Proxy proxy) {
            super(proxy);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress target && !target.isUnresolved()
                    && !proxyAddresses.contains(target.getAddress())) {
                String why = policy.refusal(target.getAddress(), target.getPort());
                if (why != null) {
                    throw new AddressRefusedException(why);
                }
            }
            super.connect(endpoint, timeout);
        }
    }

    void close() {
        lookups.shutdownNow();
    }
}
